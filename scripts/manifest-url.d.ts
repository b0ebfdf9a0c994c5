export declare const DEV_URL: string;
export declare function rewriteManifest(xml: string, baseUrl: string): string;
