import { signIn } from './stack.mjs';

let adminSession = null;

/** Signs the demo admin in over HTTP on the first call and returns that session on every call. */
export function adminSessionFor(stack) {
  adminSession ??= signIn(stack.url, stack.admin.username, stack.admin.password);
  return adminSession;
}
