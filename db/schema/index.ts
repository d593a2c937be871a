export * from "./accounts";
export * from "./audit";
export * from "./incidents";
export * from "./kb";
export * from "./organizations";
export * from "./relations";
export * from "./sla";
export * from "./tickets";
