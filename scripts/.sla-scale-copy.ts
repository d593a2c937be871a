import Database from "better-sqlite3";
const src = new Database("data/scale.db", { readonly: true, fileMustExist: true });
const t0 = Date.now();
src.backup("/tmp/sla-scale.db").then(() => console.log("copied in", (Date.now() - t0) / 1000, "s"));
