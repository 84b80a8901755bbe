/**
 * What a provider gives a run besides the playbook: the inventory (no secrets: it is kept
 * on the job), environment variables, connection variables that are secret (written to a
 * mode-0600 file passed with -e), and every secret value, to be masked in the output.
 */
export interface RunMaterials {
  inventory: object;
  env: Record<string, string>;
  secretVars: Record<string, unknown> | null;
  secrets: string[];
}

/** Prepares a run's materials in its folder (credential files go under `<runDir>/credentials`). */
export type MaterialsFor = (runDir: string) => Promise<RunMaterials>;
