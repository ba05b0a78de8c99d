// A pipeline's jobs after creation: the page shows the jobs given at creation (source →
// destination by name, config, state), and an admin adds, reorders, configures and removes them
// for good.
// (Who may change them is the API's rule: tests/pipelines/jobs.test.ts.)
import { expect, test, type Page } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN } from "./support/users";

const api = `/api/v1/unstract/${ACME.id}`;
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const stamp = Date.now().toString(36);

const jobNames = (page: Page) => page.getByTestId("pipeline-job").locator("p.font-medium");

test("jobs given at creation are shown; add, reorder and remove persist after a reload", async ({ page, request }, testInfo) => {
  const connection = async (name: string, kind: "source" | "destination") => {
    const config = kind === "source" ? { count: 5 } : { table: `jobs_${stamp}` };
    const res = await request.post("/resources", { headers: auth, data: { name, kind, connector: kind === "source" ? "sample" : "table", config } });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const source = await connection(`Orders ${stamp}`, "source");
  const destination = await connection(`Warehouse ${stamp}`, "destination");
  const created = await request.post(`${api}/pipeline/`, {
    headers: auth,
    data: {
      pipeline_name: `jobs${stamp}`,
      jobs: [
        { name: "extract", source, destination, config: { count: 7 } },
        { name: "archive", source },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const pipelineId = ((await created.json()) as { id: string }).id;

  await signIn(page, ADMIN);
  await page.goto(`/pipelines/${pipelineId}`);
  const section = page.getByTestId("jobs-section");
  await expect(jobNames(page)).toHaveText(["extract", "archive"]);
  const first = section.getByTestId("pipeline-job").first();
  await expect(first.getByTestId("job-route")).toHaveText(`Orders ${stamp} → Warehouse ${stamp}`);
  await expect(first.getByTestId("job-config")).toHaveText("count: 7");
  await expect(first.getByTestId("job-state")).toHaveText("Not run yet");
  await expect(section.getByTestId("pipeline-job").nth(1).getByTestId("job-route")).toHaveText(`Orders ${stamp} → storage only`);

  // Add a third job, then move it to the top and remove "archive".
  await section.getByRole("button", { name: "Add job" }).click();
  const editor = section.getByTestId("jobs-editor");
  await editor.getByLabel("Job name").nth(2).fill("enrich");
  await editor.getByLabel("Source").nth(2).selectOption({ label: `Orders ${stamp} (sample)` });
  await editor.getByRole("button", { name: "Save jobs" }).click();
  await expect(jobNames(page)).toHaveText(["extract", "archive", "enrich"]);
  await section.getByRole("button", { name: "Move up job enrich" }).click();
  await expect(jobNames(page)).toHaveText(["extract", "enrich", "archive"]);
  await section.getByRole("button", { name: "Move up job enrich" }).click();
  await expect(jobNames(page)).toHaveText(["enrich", "extract", "archive"]);
  await expect(section.getByRole("button", { name: "Move up job enrich" })).toBeDisabled();
  await section.getByRole("button", { name: "Remove job archive" }).click();
  await section.getByRole("group", { name: "Confirm removing job archive" }).getByRole("button", { name: "Remove job" }).click();
  await expect(jobNames(page)).toHaveText(["enrich", "extract"]);
  await attachScreenshots(page, testInfo, "pipeline-jobs");

  await page.reload();
  await expect(jobNames(page)).toHaveText(["enrich", "extract"]);
  await expect(section.getByTestId("pipeline-job").nth(1).getByTestId("job-config")).toHaveText("count: 7");

  // A job's own config is edited as JSON: anything but an object is refused on its field.
  await section.getByRole("button", { name: "Edit jobs" }).click();
  const config = section.getByTestId("jobs-editor").getByLabel(/^Config/).nth(1);
  await expect(config).toHaveValue('{"count":7}');
  await config.fill("{count: 9");
  await section.getByRole("button", { name: "Save jobs" }).click();
  await expect(config).toHaveAttribute("aria-invalid", "true");
  await expect(section.getByText('The config must be a JSON object, for example {"batch_size": 500}.')).toBeVisible();
  await config.fill('{"count": 9, "batch_size": 3}');
  await section.getByRole("button", { name: "Save jobs" }).click();
  await expect(section.getByTestId("pipeline-job").nth(1).getByTestId("job-config")).toHaveText("count: 9, batch_size: 3");
  await page.reload();
  await expect(section.getByTestId("pipeline-job").nth(1).getByTestId("job-config")).toHaveText("count: 9, batch_size: 3");
});
