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
  type SignupField,
  type SignupFieldErrors,
  type SignupFormValues,
  type SignupValidationMessages,
  validateSignup,
} from "./validateSignup";
