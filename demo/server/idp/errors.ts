// The failures the local identity provider can answer with, shaped like
// Microsoft Entra ID's redirects (`error` + `error_description` starting with
// the AADSTS number, and Entra's `error_codes`-like wording).

export type EntraErrorCode =
  'AADSTS65004' | 'AADSTS90094' | 'AADSTS50020' | 'AADSTS50011' | 'AADSTS700016' | 'AADSTS53003';

export interface EntraErrorAnswer {
  error: string;
  error_description: string;
}

const ANSWERS: Record<EntraErrorCode, EntraErrorAnswer> = {
  AADSTS65004: {
    error: 'access_denied',
    error_description: 'AADSTS65004: User declined to consent to access the app.',
  },
  AADSTS90094: {
    error: 'access_denied',
    error_description:
      'AADSTS90094: The grant requires admin permission. An administrator must approve this application.',
  },
  AADSTS50020: {
    error: 'invalid_request',
    error_description:
      "AADSTS50020: User account from identity provider 'live.com' does not exist in tenant and cannot access the application in that tenant.",
  },
  AADSTS50011: {
    error: 'invalid_request',
    error_description:
      'AADSTS50011: The redirect URI specified in the request does not match the redirect URIs configured for the application.',
  },
  AADSTS700016: {
    error: 'unauthorized_client',
    error_description:
      'AADSTS700016: Application was not found in the directory. This can happen if the application has not been installed by the administrator of the tenant.',
  },
  AADSTS53003: {
    error: 'access_denied',
    error_description: 'AADSTS53003: Access has been blocked by Conditional Access policies.',
  },
};

export function entraError(code: EntraErrorCode): EntraErrorAnswer {
  return ANSWERS[code];
}

export const ENTRA_ERROR_CODES = Object.keys(ANSWERS) as EntraErrorCode[];
