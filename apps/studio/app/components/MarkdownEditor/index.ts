export { editorStyles, MarkdownEditor } from "./MarkdownEditor";
