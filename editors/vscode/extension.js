// Starts `bitext lsp` for Markdown files and shows the translation coverage in the status bar.
// Plain JavaScript on purpose: nothing to build. `npm install` fetches vscode-languageclient.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;
let status;

function settings() {
  const c = vscode.workspace.getConfiguration("bitext");
  return {
    command: c.get("path", "bitext"),
    args: ["lsp", ...c.get("arguments", [])],
    options: { debounce: c.get("debounce", 300), ruleDocumentation: c.get("ruleDocumentation", "") },
  };
}

async function start(context) {
  const s = settings();
  client = new LanguageClient(
    "bitext",
    "bitext",
    { command: s.command, args: s.args, transport: TransportKind.stdio },
    {
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", language: "mdx" },
        { scheme: "untitled", language: "markdown" },
      ],
      initializationOptions: s.options,
      synchronize: {
        // The server reloads bitext.yml and glossaries when they change on disk.
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{bitext.yml,.bitext.yml,bitext.yaml,*.tsv,*.tbx,*.md,*.mdx}"),
      },
    }
  );
  await client.start();
  context.subscriptions.push(client);
  updateCoverage();
}

async function updateCoverage() {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor || !["markdown", "mdx"].includes(editor.document.languageId)) {
    status.hide();
    return;
  }
  try {
    const c = await client.sendRequest("bitext/coverage", { textDocument: { uri: editor.document.uri.toString() } });
    if (!c) return status.hide();
    status.text = `$(book) ${c.percent.toFixed(1)}% translated`;
    status.tooltip = `${c.units.translated} translated, ${c.units.partial} partial, ${c.units.untranslated} untranslated` +
      (c.source ? `\nsource: ${c.source}` : "");
    status.show();
  } catch (e) {
    status.hide();
  }
}

async function activate(context) {
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.command = "bitext.coverage";
  context.subscriptions.push(status);
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(updateCoverage),
    vscode.workspace.onDidSaveTextDocument(updateCoverage),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("bitext") && client) {
        client.sendNotification("workspace/didChangeConfiguration", { settings: { bitext: settings().options } });
      }
    }),
    vscode.commands.registerCommand("bitext.coverage", async () => {
      await updateCoverage();
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const c = await client.sendRequest("bitext/coverage", { textDocument: { uri: editor.document.uri.toString() } });
      if (!c) return;
      const sections = c.sections.map((s) => `${s.percent.toFixed(0).padStart(4)}%  ${s.heading}`).join("\n");
      vscode.window.showInformationMessage(`${c.percent.toFixed(1)}% translated`, { modal: true, detail: sections });
    }),
    vscode.commands.registerCommand("bitext.alignedSource", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const r = await client.sendRequest("bitext/alignedSource", {
        textDocument: { uri: editor.document.uri.toString() },
        position: editor.selection.active,
      });
      if (!r || !r.range) return vscode.window.showInformationMessage("No source for this paragraph.");
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(r.uri));
      const range = client.protocol2CodeConverter.asRange(r.range);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, selection: range, preserveFocus: true });
    }),
    vscode.commands.registerCommand("bitext.restart", async () => {
      if (client) await client.stop();
      await start(context);
    })
  );
  await start(context);
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
