// oidc-provider ships no types; server/testing/oidc-provider.ts describes the little it uses.
declare module "oidc-provider";
