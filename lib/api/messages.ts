// Validation messages in the words of the §1 dialect (Django REST framework), for every zod
// schema of the API: a script sees "This field is required.", not a zod phrase.
import { z } from "@/lib/zod";

export const REQUIRED = "This field is required.";

/**
 * A received value as the message quotes it. Objects go through JSON: String() of a parsed
 * {"toString": "x"} throws ("Cannot convert object to primitive value").
 */
const quoted = (input: unknown) => (typeof input === "object" && input !== null ? JSON.stringify(input) : String(input));

z.config({
  customError: (issue) => {
    // An absent field of a required enum is missing too, not the choice "undefined".
    if (issue.input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value")) return REQUIRED;
    switch (issue.code) {
      case "invalid_type":
        if (issue.input === null) return "This field may not be null.";
        if (issue.expected === "boolean") return "Must be a valid boolean.";
        if (issue.expected === "int" || issue.expected === "number") return "A valid integer is required.";
        if (issue.expected === "array") return `Expected a list of items but got type "${typeof issue.input}".`;
        if (issue.expected === "string") return "Not a valid string.";
        return undefined;
      case "too_big":
        if (issue.origin === "string") return `Ensure this field has no more than ${issue.maximum} characters.`;
        if (issue.origin === "array") return `Ensure this field has no more than ${issue.maximum} elements.`;
        return `Ensure this value is less than or equal to ${issue.maximum}.`;
      case "too_small":
        if (issue.origin === "string") {
          return issue.minimum === 1 ? "This field may not be blank." : `Ensure this field has at least ${issue.minimum} characters.`;
        }
        return `Ensure this value is greater than or equal to ${issue.minimum}.`;
      case "invalid_value":
        return `"${quoted(issue.input)}" is not a valid choice.`;
      case "invalid_format":
        if (issue.format === "uuid") return `"${quoted(issue.input)}" is not a valid UUID.`;
        if (issue.format === "email") return "Enter a valid email address.";
        if (issue.format === "datetime" || issue.format === "date") return "Datetime has wrong format.";
        return undefined;
      default:
        return undefined;
    }
  },
});

export { z };
