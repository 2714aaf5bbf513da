import { redirect } from "react-router";
import type { Route } from "./+types/home";
import { getAuthenticated } from "../auth/guards.server";
import { paths } from "../lib/paths";

export async function loader({ request }: Route.LoaderArgs) {
  const auth = await getAuthenticated(request);
  throw redirect(auth ? paths.projects() : paths.login());
}

export default function Home() {
  return null;
}
