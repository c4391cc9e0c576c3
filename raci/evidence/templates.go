package evidence

import (
	"embed"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
)

//go:embed templates
var templateFS embed.FS

// The templates are parsed once, when the package is initialised; they are
// part of the package, so a parse error is a programming error that every test
// run catches.
var (
	htmlTemplate     = htmltemplate.Must(htmltemplate.New("pack.html.tmpl").Funcs(htmlFuncs()).ParseFS(templateFS, "templates/pack.html.tmpl"))
	markdownTemplate = texttemplate.Must(texttemplate.New("pack.md.tmpl").Funcs(markdownFuncs()).ParseFS(templateFS, "templates/pack.md.tmpl"))
)

// stylesheet is the HTML pack's CSS, inlined into its <style> element.
func stylesheet() htmltemplate.CSS {
	b, err := templateFS.ReadFile("templates/style.css")
	if err != nil {
		// The file is embedded at build time; reading it cannot fail.
		return ""
	}
	return htmltemplate.CSS(b)
}

func htmlFuncs() htmltemplate.FuncMap {
	css := stylesheet()
	return htmltemplate.FuncMap{
		"css":    func() htmltemplate.CSS { return css },
		"plural": plural,
		"add":    func(a, b int) int { return a + b },
		"kind":   func(k string) string { return strings.ReplaceAll(k, "_", " ") },
		// cellClass picks the letter a RACI cell is coloured by: A before R.
		"cellClass": func(letters string) string {
			switch {
			case strings.Contains(letters, "A"):
				return "A"
			case strings.Contains(letters, "R"):
				return "R"
			}
			return ""
		},
	}
}

func markdownFuncs() texttemplate.FuncMap {
	return texttemplate.FuncMap{
		"md":     markdownText,
		"code":   markdownCode,
		"plural": plural,
		"upper":  strings.ToUpper,
		"bar":    func(n int) string { return strings.Repeat("█", n) },
	}
}

// markdownText escapes s for a table cell or a paragraph of GitHub-flavoured
// Markdown: characters that would start emphasis, code, links, HTML or a new
// cell are backslash-escaped, and line breaks become spaces.
func markdownText(s string) string {
	return strings.NewReplacer(
		`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
		"<", "&lt;", ">", "&gt;", "\r\n", " ", "\n", " ", "\r", " ",
	).Replace(s)
}

// markdownCode writes s as a code span: ids and enumeration values read as
// written. A backtick in s makes the fence longer, as CommonMark allows, and a
// | is escaped, which GitHub requires even inside code spans in tables.
func markdownCode(s string) string {
	s = strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	if strings.Contains(s, "`") {
		return "`` " + s + " ``"
	}
	return "`" + s + "`"
}
