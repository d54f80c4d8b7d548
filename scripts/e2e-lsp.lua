-- Driven by scripts/e2e-lsp.sh: Neovim 0.7's own LSP client against `journal lsp`.
-- Only APIs 0.7 has: start_client, buf_attach_client, buf_request_sync, vim.diagnostic.get,
-- util.apply_workspace_edit and util.jump_to_location.
local bin, root = os.getenv("JOURNAL_BIN"), os.getenv("JOURNAL_ROOT")
local failures = 0
local function say(text) io.stdout:write(text .. "\n") end
local function check(ok, what)
  say((ok and "ok: " or "FAIL: ") .. what)
  if not ok then failures = failures + 1 end
end
local function finish()
  if failures == 0 then say("e2e-lsp: all checks passed") end
  vim.cmd((failures == 0 and "qall!" or "cquit! 1"))
end

local client_id = vim.lsp.start_client({
  name = "journal", cmd = { bin, "lsp" }, root_dir = root,
  flags = { debounce_text_changes = 20 },
})
check(client_id ~= nil, "the server starts")

local function open(path)
  vim.cmd("edit " .. root .. "/" .. path)
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  return buf
end

local function messages(buf)
  local result = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(result, d.message) end
  return table.concat(result, " | ")
end

local function request(buf, method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  local response = responses[client_id] or {}
  return response.result, response.error
end

local function at(buf, line, character)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
end

local today = "entries/2026/12/2026-12-02.md"
local buf = open(today)

-- 1. Diagnostics on open: the date phrase journal cannot read.
local got = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
check(got and messages(buf):find("date not understood: 'by Firday'", 1, true) ~= nil,
  "opening the entry shows check's warning: " .. messages(buf))
local first = vim.diagnostic.get(buf)[1]
check(first and first.lnum == 2 and first.severity == vim.diagnostic.severity.WARN, "the warning is on line 3")

-- 2. Type a broken follow-up: the error appears.
vim.api.nvim_buf_set_lines(buf, -1, -1, false, { "- [x] [[2026-11-20#^dekc]] sent" })
got = vim.wait(10000, function() return messages(buf):find("unknown commitment", 1, true) ~= nil end, 50)
check(got, "a typo in a follow-up link shows the error: " .. messages(buf))
check(messages(buf):find("did you mean 2026-11-20#deck?", 1, true) ~= nil, "with a did-you-mean")

-- 3. Fix it: the error goes.
vim.api.nvim_buf_set_lines(buf, 4, 5, false, { "- [/] [[2026-11-20#^launch]] asked, waiting on @li" })
got = vim.wait(10000, function() return messages(buf):find("unknown commitment", 1, true) == nil end, 50)
check(got, "fixing the link clears the error: " .. messages(buf))

-- 4. Complete @ and [[.
vim.api.nvim_buf_set_lines(buf, -1, -1, false, { "- [ ] Ask @" })
local result = request(buf, "textDocument/completion", at(buf, 5, 11))
local labels = {}
for _, item in ipairs((result and result.items) or result or {}) do labels[item.label] = true end
check(labels["@ana"] and labels["@li"], "@ completes people")
vim.api.nvim_buf_set_lines(buf, 5, 6, false, { "- [x] [[" })
result = request(buf, "textDocument/completion", at(buf, 5, 8))
labels = {}
local launch
for _, item in ipairs((result and result.items) or result or {}) do
  labels[item.label] = true
  if item.label == "2026-11-20#launch" then launch = item end
end
check(launch ~= nil and launch.textEdit.newText == "2026-11-20#launch]]", "[[ completes open commitments as stem#id]]")
check(labels["2026-11-20#deck"] == nil, "a kept commitment is not offered")

-- 5. Hover on the follow-up link (after the emoji: UTF-16 columns).
result = request(buf, "textDocument/hover", at(buf, 3, 12))
local hover = result and result.contents and result.contents.value or ""
check(hover:find("kept", 1, true) and hover:find("2026-11-20#deck", 1, true), "hover shows the status and reference")

-- 6. Go to definition: the commitment's line in its entry.
result = request(buf, "textDocument/definition", at(buf, 3, 15))
local location = result and (result[1] or result)
check(location and location.uri:sub(-13) == "2026-11-20.md" and location.range.start.line == 2,
  "definition is the commitment's line")
vim.lsp.util.jump_to_location(location, "utf-16")
local made = vim.api.nvim_get_current_buf()
check(vim.api.nvim_buf_get_name(made):sub(-13) == "2026-11-20.md" and vim.api.nvim_win_get_cursor(0)[1] == 3,
  "jumping lands on it")
vim.lsp.buf_attach_client(made, client_id)

-- 7. "Add a stable id" on the commitment without one, applied to the buffer only.
local actions = request(made, "textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(made) },
  range = { start = { line = 4, character = 0 }, ["end"] = { line = 4, character = 0 } },
  context = { diagnostics = {} },
}) or {}
local stable
for _, action in ipairs(actions) do
  if action.title:find("Add a stable id", 1, true) then stable = action end
end
check(stable ~= nil, "Add a stable id is offered")
if stable then vim.lsp.util.apply_workspace_edit(stable.edit, "utf-16") end
local line = vim.api.nvim_buf_get_lines(made, 4, 5, false)[1]
check(line == "- [ ] Review the hiring plan with @ana #commit ^review-the-hiring-plan-with", "the id is in the buffer: " .. line)

-- 8. Shut down.
vim.lsp.stop_client(client_id)
got = vim.wait(10000, function() return vim.lsp.client_is_stopped(client_id) end, 50)
check(got, "the server stops on shutdown")
finish()
