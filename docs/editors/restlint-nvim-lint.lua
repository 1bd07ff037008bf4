-- restlint for Neovim through nvim-lint (https://github.com/mfussenegger/nvim-lint).
-- Put this file in your config (e.g. lua/restlint_lint.lua) and `require('restlint_lint')`.
-- The buffer is piped to `restlint --format json --stdin-filename <its path> -`, so unsaved
-- changes are linted and restlint.json (rules, overrides, ignore) applies as for the file.
local M = {}

-- restlint columns count UTF-16 code units (1-based); Neovim diagnostics want 0-based bytes.
local function byte_col(bufnr, lnum, utf16_col)
  local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ''
  local ok, byte = pcall(vim.str_byteindex, line, utf16_col - 1, true)
  if ok then
    return byte
  end
  return #line
end

--- Turns restlint's JSON document (schema version 1) into vim.diagnostic items.
function M.parse(output, bufnr)
  local ok, doc = pcall(vim.json.decode, output)
  if not ok or type(doc) ~= 'table' or doc.version ~= 1 then
    return {}
  end
  local diagnostics = {}
  for _, d in ipairs(doc.diagnostics or {}) do
    local lnum = math.max(d.start.line - 1, 0)
    local end_lnum = math.max(d['end'].line - 1, lnum)
    local message = d.message
    if type(d.help) == 'string' then
      message = message .. '\nhelp: ' .. d.help
    end
    table.insert(diagnostics, {
      lnum = lnum,
      col = byte_col(bufnr, lnum, math.max(d.start.column, 1)),
      end_lnum = end_lnum,
      end_col = byte_col(bufnr, end_lnum, math.max(d['end'].column, 1)),
      severity = d.severity == 'error' and vim.diagnostic.severity.ERROR or vim.diagnostic.severity.WARN,
      message = message,
      source = 'restlint',
      code = d.rule,
      user_data = { fix = d.fix ~= vim.NIL and d.fix or nil },
    })
  end
  return diagnostics
end

M.linter = {
  name = 'restlint',
  cmd = 'restlint',
  stdin = true,
  args = {
    '--format', 'json', '--stdin-filename',
    function() return vim.api.nvim_buf_get_name(0) end,
    '-',
  },
  stream = 'stdout',
  ignore_exitcode = true, -- 1 means "lint errors found"
  parser = M.parse,
}

local ok, lint = pcall(require, 'lint')
if ok then
  lint.linters.restlint = M.linter
  for _, ft in ipairs({ 'javascript', 'javascriptreact', 'typescript', 'typescriptreact' }) do
    lint.linters_by_ft[ft] = lint.linters_by_ft[ft] or {}
    table.insert(lint.linters_by_ft[ft], 'restlint')
  end
end

return M
