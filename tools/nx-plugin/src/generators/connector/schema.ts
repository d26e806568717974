/** Options of `nx g connector`, as the user gives them (see schema.json). */
export interface ConnectorGeneratorSchema {
  name: string;
  label?: string;
  category?: string;
  authKind?: string;
  serviceKeys?: string;
  directory?: string;
  skipInstall?: boolean;
}
