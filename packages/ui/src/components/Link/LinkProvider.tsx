import {
  type AnchorHTMLAttributes,
  type ComponentType,
  createContext,
  forwardRef,
  type ReactNode,
  type RefAttributes,
  useContext,
} from "react";

export type LinkComponentProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** What an app injects: anything that renders an `<a>` from `href` and forwards its ref. */
export type LinkComponent = ComponentType<LinkComponentProps & RefAttributes<HTMLAnchorElement>>;

/** Plain anchor: the default until an app injects its router's link component. */
const PlainAnchor = forwardRef<HTMLAnchorElement, LinkComponentProps>(
  function PlainAnchor(props, ref) {
    return <a ref={ref} {...props} />;
  },
);

const LinkComponentContext = createContext<LinkComponent>(PlainAnchor);

export interface LinkProviderProps {
  /**
   * The app's link component (for example a wrapper around Remix's `<Link to>`).
   * It receives `href` and anchor attributes and must render an `<a>`.
   */
  linkComponent: LinkComponent;
  children: ReactNode;
}

/** Inject the app's link component once, at the root; every design-system link uses it. */
export function LinkProvider({ linkComponent, children }: LinkProviderProps) {
  return (
    <LinkComponentContext.Provider value={linkComponent}>{children}</LinkComponentContext.Provider>
  );
}

export function useLinkComponent() {
  return useContext(LinkComponentContext);
}
