import { type Page, expect } from "@playwright/test";
import { E2E_PASSWORD } from "./accounts";

export async function signIn(page: Page, username: string, password = E2E_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAndExpectProjects(page: Page, username: string) {
  await signIn(page, username);
  await expect(page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
}
