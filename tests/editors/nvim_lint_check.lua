-- Headless check of docs/editors/restlint-nvim-lint.lua: opens FILE, pipes the buffer (with
-- an unsaved edit) through the linter's command line as nvim-lint would, parses the output
-- with the linter's parser, sets the diagnostics and writes them as JSON to OUT.
-- Usage (Neovim 0.7, Debian bookworm's, has no `-l`):
--   nvim --headless -u NONE -c "lua RESTLINT={bin=..., module=..., file=..., out=...}" \
--     -c "luafile THIS" -c "qa!"
local cfg = RESTLINT
local m = dofile(cfg.module)
vim.cmd('edit ' .. vim.fn.fnameescape(cfg.file))
local bufnr = vim.api.nvim_get_current_buf()
-- The unsaved edit: a rest that is not last, after text outside ASCII on the same line.
vim.api.nvim_buf_set_lines(bufnr, 1, 1, false, { 'const s = "naïve 😀"; function log(...parts, level) {}' })
local args = {}
for _, a in ipairs(m.linter.args) do
  table.insert(args, type(a) == 'function' and a() or a)
end
local cmd = { cfg.bin }
vim.list_extend(cmd, args)
local input = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
local output = vim.fn.system(cmd, input)
local diagnostics = m.linter.parser(output, bufnr)
local ns = vim.api.nvim_create_namespace('restlint')
vim.diagnostic.set(ns, bufnr, diagnostics)
local got = {}
for _, d in ipairs(vim.diagnostic.get(bufnr, { namespace = ns })) do
  local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  table.insert(got, {
    lnum = d.lnum, col = d.col, end_col = d.end_col, code = d.code, severity = d.severity,
    text = line:sub(d.col + 1, d.end_col), message = d.message,
  })
end
local f = assert(io.open(cfg.out, 'w'))
f:write(vim.json.encode({ exit = vim.v.shell_error, diagnostics = got }))
f:close()
