// The JSX typings, referenced as README says.
/// <reference types="ucx-user-sync/types/jsx-react" />

import { useRef } from 'react';
import type {
  UcxFilterEditor as UcxFilterEditorElement,
  UcxUserSync as UcxUserSyncElement,
} from 'ucx-user-sync';

export const section = (
  <ucx-user-sync
    endpoint="/api/user-sync/integrations"
    client-id="00000000-0000-0000-0000-000000000000"
    onucx-integration-created={(e) => console.log(e.detail.integration.id)}
  />
);

// The editor's event is typed too (its class comes from the filter editor, not src/events).
export const editor = (
  <ucx-filter-editor
    value="(department=Sales)"
    onucx-filter-change={(e) => console.log(e.detail.valid, e.detail.canonical)}
  />
);

// React's own props for an HTML element go on the tags too, and a ref is typed by the class.
export function Focusable({ onOpen }: { onOpen: () => void }) {
  const sectionRef = useRef<UcxUserSyncElement>(null);
  const editorRef = useRef<UcxFilterEditorElement>(null);
  return (
    <>
      <ucx-user-sync
        ref={sectionRef}
        endpoint="/api/user-sync/integrations"
        title="Users' synchronization"
        tabIndex={-1}
        aria-describedby="help"
        className="section"
        style={{ marginBlock: 8 }}
        part="section"
        onClick={() => sectionRef.current?.openCreateDialog()}
        onFocus={onOpen}
      />
      <ucx-filter-editor
        ref={editorRef}
        defaultValue="(department=Sales)"
        onInput={(e) => console.log(e.currentTarget.value)}
        onBlur={() => editorRef.current?.format()}
      />
    </>
  );
}

// @ts-expect-error a ref to another element's class is refused
export const wrongRef = <ucx-user-sync ref={useRef<HTMLInputElement>(null)} />;
// @ts-expect-error a property's type still holds (timeout is a number)
export const wrongProp = <ucx-user-sync timeout={{}} />;
