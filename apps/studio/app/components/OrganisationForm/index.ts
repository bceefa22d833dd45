export { OrganisationForm, type OrganisationFormProps } from "./OrganisationForm";
