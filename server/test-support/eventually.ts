/**
 * Polls until `check` holds, for at most `budgetMs`, and says whether it held. Tests wait for a
 * condition this way rather than for a fixed time: on a loaded machine things take longer, and a
 * passing test stops waiting as soon as the condition holds, so a generous budget costs nothing.
 */
export async function eventually(check: () => boolean | Promise<boolean>, budgetMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + budgetMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return check()
}
