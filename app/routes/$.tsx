/** Any unknown path: a 404 rendered by the shared error boundary, inside the normal page shell. */
export async function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
