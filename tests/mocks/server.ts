// The msw server shared by all tests; one handler file per outside service.
import { setupServer } from "msw/node";
import { mailApiHandlers } from "./mail-api";

export const server = setupServer(...mailApiHandlers);
