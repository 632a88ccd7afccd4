/** Any unknown path: a 404 rendered by the shared error boundary, inside the normal page shell. */
import { invariantResponse } from "~/utils/invariant";
export async function loader() {
  invariantResponse(false);
}

export default function NotFound() {
  return null;
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
