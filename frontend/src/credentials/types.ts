// Credentials as the API shows them: secret fields are write-only, only their names come back.

export interface CredentialField {
  name: string;
  label: string;
  secret: boolean;
  required: boolean;
  multiline: boolean;
  help: string | null;
}

export interface CredentialType {
  name: string;
  label: string;
  description: string;
  fields: CredentialField[];
}

export interface Credential {
  id: string;
  name: string;
  type: string;
  /** The non-secret fields. */
  inputs: Record<string, string>;
  /** Names of the secret fields that hold a value. */
  secretFields: string[];
  createdAt: string;
  updatedAt: string;
}

/** What createCredential takes; updateCredential takes the same without `type`. */
export interface CredentialInput {
  name: string;
  type: string;
  inputs: Record<string, string>;
  /** null removes a stored optional secret (update only). */
  secrets: Record<string, string | null>;
}
