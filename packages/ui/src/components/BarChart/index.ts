export { BarChart, type BarChartGroup, type BarChartProps } from "./BarChart";
