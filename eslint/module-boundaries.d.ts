// Types of module-boundaries.js for the import-graph test (tests/architecture).
export declare const MODULE_LAYERS: string[];
export declare function locate(file: string): { module: string | null; role: string; base: string };
export declare const moduleBoundaries: { rules: Record<string, unknown> };
