import type { Config } from "tailwindcss";

// The console's theme: one brand colour, neutral surfaces, status colours that read on both.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef6ff",
          100: "#d9eaff",
          500: "#2f7ae5",
          600: "#1f62c7",
          700: "#1a4fa0",
          900: "#14305c",
        },
        surface: { DEFAULT: "#ffffff", muted: "#f6f7f9", sunken: "#eef0f3" },
        ink: { DEFAULT: "#111827", muted: "#4b5563", faint: "#6b7280" },
        ok: "#15803d",
        warn: "#b45309",
        bad: "#b91c1c",
      },
      fontFamily: {
        sans: ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
        mono: ["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
      },
    },
  },
  plugins: [],
};

export default config;
