-- Headless Neovim (0.7+) as a real LSP client of the EnumGuard server: opens a file, waits for one diagnostic,
-- asks for code actions on it, applies the chosen fix and waits for the diagnostic to go away.
-- Driven by neovim.e2e.test.ts through ENUMGUARD_NVIM_* variables; prints one line per event for the test to read.
local env = function(name, default) local v = os.getenv('ENUMGUARD_NVIM_' .. name); if v == nil or v == '' then return default end; return v end
local file, server, root = env('FILE'), env('SERVER'), env('ROOT')
local node = env('NODE', 'node')
local wanted_code = env('CODE', 'persist-mismatch')
local wanted_text = env('MESSAGE_CONTAINS', '')
local action_prefix = env('ACTION_PREFIX', '')
local timeout_ms = tonumber(env('TIMEOUT_MS', '30000'))

local function emit(line) io.stdout:write(line .. '\n'); io.stdout:flush() end
local function finish(code) vim.cmd((code == 0) and 'qall!' or 'cquit ' .. code) end
local function fail(reason) emit('FAIL ' .. reason); finish(1) end

local function run()
  if not (file and server and root) then return fail('ENUMGUARD_NVIM_FILE, _SERVER and _ROOT are required') end

  -- 1. Start the stdio language server on the workspace root (0.7 has start_client; vim.lsp.start came in 0.8).
  local client_id = vim.lsp.start_client({
    name = 'enumguard',
    cmd = { node, server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
  })
  if not client_id then return fail('vim.lsp.start_client returned nil') end

  -- 2. Open the file and attach the client to its buffer (sends didOpen).
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- 3. Wait for the published diagnostic we expect (vim.diagnostic keeps the LSP code and data in user_data).
  local function target_diagnostics()
    return vim.tbl_filter(function(d)
      return d.code == wanted_code and (wanted_text == '' or d.message:find(wanted_text, 1, true) ~= nil)
    end, vim.diagnostic.get(bufnr))
  end
  if not vim.wait(timeout_ms, function() return #target_diagnostics() > 0 end, 50) then
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do emit(string.format('SEEN %d %s %s', d.lnum + 1, tostring(d.code), d.message)) end
    return fail(string.format('no %s diagnostic containing %q within %d ms', wanted_code, wanted_text, timeout_ms))
  end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    emit(string.format('DIAG %d %s %s', d.lnum + 1, tostring(d.code), d.message:gsub('\n', ' ')))
  end
  local target = target_diagnostics()[1]

  -- 4. Ask for quick fixes on the diagnostic's range, handing back the LSP diagnostics of that line (with data).
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, target.lnum), only = { 'quickfix' } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout_ms)
  local chosen
  for _, response in pairs(responses or {}) do
    if response.err or response.error then return fail('codeAction error: ' .. vim.inspect(response.err or response.error)) end
    for _, action in ipairs(response.result or {}) do
      emit('ACTION ' .. action.title)
      if not chosen and action.title:sub(1, #action_prefix) == action_prefix then chosen = action end
    end
  end
  if not chosen then return fail('no code action starting with ' .. action_prefix) end

  -- 5. Apply it: a WorkspaceEdit (0.7 wants the offset encoding), or a command the server executes.
  local client = vim.lsp.get_client_by_id(client_id)
  if chosen.edit then
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  elseif chosen.command then
    local command = type(chosen.command) == 'table' and chosen.command or chosen
    vim.lsp.buf_request_sync(bufnr, 'workspace/executeCommand', { command = command.command, arguments = command.arguments }, timeout_ms)
  else
    return fail('the chosen action has neither edit nor command')
  end
  emit('LINE ' .. vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1])

  -- 6. The edit goes to the server as didChange; the re-published diagnostics must no longer hold the target.
  if not vim.wait(timeout_ms, function() return #target_diagnostics() == 0 end, 50) then
    return fail('the diagnostic is still present after applying the fix')
  end
  emit('CLEARED')
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    emit(string.format('REMAINING %d %s %s', d.lnum + 1, tostring(d.code), d.message:gsub('\n', ' ')))
  end
  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.client_is_stopped(client_id) end, 50)
  finish(0)
end

local ok, err = pcall(run)
if not ok then fail('driver error: ' .. tostring(err)) end
