// jsonexport (react-admin's CSV writer, used by common/csvExporter.ts) ships no type declarations.
declare module 'jsonexport/dist/index.js' {
  function jsonExport(
    data: unknown,
    options: Record<string, unknown>,
    callback: (error: Error | null, csv: string) => void,
  ): void;
  export default jsonExport;
}
