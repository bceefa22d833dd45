export { ProblemList } from "./ProblemList";
