/** The signed form token every studio form carries (checked by formRefusal). */
export function FormToken({ value }: { value: string }) {
  return <input type="hidden" name="formToken" value={value} />;
}
