import { isDarkBackground, resolveTheme, themeFromUrl } from "../../src/taskpane/theme";

describe("theme", () => {
  test("?theme= forces light or dark; anything else defers to Office", () => {
    expect(themeFromUrl("?theme=dark")).toBe("dark");
    expect(themeFromUrl("?tab=about&theme=light")).toBe("light");
    expect(themeFromUrl("?theme=purple")).toBeNull();
    expect(resolveTheme("?theme=dark", "#ffffff")).toBe("dark");
    expect(resolveTheme("?theme=light", "#1f1f1f")).toBe("light");
  });

  test("Office's body background decides otherwise (Office's dark themes are dark grey or black)", () => {
    expect(resolveTheme("", "#262626")).toBe("dark");
    expect(resolveTheme("", "#000000")).toBe("dark");
    expect(resolveTheme("", "#ffffff")).toBe("light");
    expect(resolveTheme("", "#e6e6e6")).toBe("light");
    expect(resolveTheme("", undefined)).toBe("light");
    expect(isDarkBackground("not a colour")).toBe(false);
  });
});
