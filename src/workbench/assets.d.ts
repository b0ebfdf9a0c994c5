// Workbooks imported by the workbench are inlined by webpack (asset/inline): a data: URL.
declare module '*.xlsx' {
  const dataUrl: string;
  export default dataUrl;
}
