import { redirect } from "react-router";
import type { Route } from "./+types/home";
import { getAuthenticated } from "../auth/guards.server";

export async function loader({ request }: Route.LoaderArgs) {
  const auth = await getAuthenticated(request);
  throw redirect(auth ? "/projects" : "/login");
}

export default function Home() {
  return null;
}
