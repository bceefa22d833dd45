export { LogoCarousel, type LogoCarouselProps, type Organisation } from "./LogoCarousel";
