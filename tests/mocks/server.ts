// The msw server shared by all tests; one handler file per outside service.
import { setupServer } from "msw/node";
import { gbizinfoHandlers } from "./gbizinfo";
import { mailApiHandlers } from "./mail-api";

export const server = setupServer(...mailApiHandlers, ...gbizinfoHandlers);
