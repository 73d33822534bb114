// Placeholder until the fixture backend lands: serves nothing.
export function fixtureServerPlugin() {
  return { name: 'ucx-fixture-server' };
}
