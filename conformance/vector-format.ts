/**
 * The text layout of vector files: one case per block and one field per line with compact values,
 * so diffs stay readable and large patches do not explode into thousands of lines.
 */
export function formatVectorFile(file: { kind: string; description: string; cases: readonly object[] }): string {
  const cases = file.cases.map(
    (vector) =>
      `    {\n${Object.entries(vector)
        .map(([key, value]) => `      ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
        .join(',\n')}\n    }`,
  )
  return `{\n  "kind": ${JSON.stringify(file.kind)},\n  "description": ${JSON.stringify(file.description)},\n  "cases": [\n${cases.join(',\n')}\n  ]\n}\n`
}
