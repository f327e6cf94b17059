-- bitext for Neovim (0.8 or later): put this file in ~/.config/nvim/plugin/ (or paste it into
-- init.lua). It starts `bitext lsp` for Markdown buffers, one server per project root.
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "markdown", "mdx" },
  callback = function(args)
    local root = vim.fs.dirname(vim.fs.find({ "bitext.yml", ".bitext.yml", ".git" }, {
      upward = true,
      path = vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf)),
    })[1])
    vim.lsp.start({
      name = "bitext",
      cmd = { "bitext", "lsp" },
      root_dir = root,
      init_options = { debounce = 300 },
    }, { bufnr = args.buf })
  end,
})

-- The file's translation coverage (custom request `bitext/coverage`): :BitextCoverage
vim.api.nvim_create_user_command("BitextCoverage", function()
  local client = vim.lsp.get_active_clients({ name = "bitext", bufnr = 0 })[1]
  if not client then return end
  client.request("bitext/coverage", { textDocument = vim.lsp.util.make_text_document_params() }, function(_, result)
    if result then print(string.format("%.1f%% translated", result.percent)) end
  end, 0)
end, {})
