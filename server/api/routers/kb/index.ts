import { createTRPCRouter } from "../../trpc";
import { kbDesk } from "./desk";
import { kbEditing } from "./edit";
import { kbReaderActions } from "./readers";
import { kbReads } from "./read";

/** The knowledge base: one router, its procedures grouped by concern in this folder. */
export const kbRouter = createTRPCRouter({ ...kbReads, ...kbReaderActions, ...kbDesk, ...kbEditing });
