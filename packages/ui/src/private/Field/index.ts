export { FieldError, useFieldIds } from "./Field";
export { fieldGroup, fieldGroupInvalid, fieldHint, fieldLabel } from "./Field.css";
