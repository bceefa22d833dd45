export {
  defaultSignupCopy,
  SignupForm,
  type SignupFormCopy,
  type SignupFormProps,
  type SignupFormStatus,
  signupFieldNames,
} from "./SignupForm";
export {
  defaultValidationMessages,
  FIRST_NAME_MAX_LENGTH,
  type SignupField,
  type SignupFieldErrors,
  type SignupFormValues,
  type SignupValidationMessages,
  validateSignup,
} from "./validateSignup";
