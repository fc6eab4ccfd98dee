/** A 127.0.0.1 port the OS says is free now: the bench's helper, so tests and benches bind ports alike. */
export { freePort } from "../../scripts/bench/builtServer.js";
