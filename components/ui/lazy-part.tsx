"use client";

// A component fetched the first time it renders, shown with `fallback` while it loads.
// React.lazy rather than next/dynamic: a page then carries no loader code of its own.
import { lazy, Suspense, type ComponentProps, type ComponentType, type ReactNode } from "react";
import { Loading } from "@/components/ui/status";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound: any props
type AnyComponent = ComponentType<any>;

export function lazyPart<C extends AnyComponent>(load: () => Promise<C>, fallback: ReactNode = <Loading />): (props: ComponentProps<C>) => ReactNode {
  const Part = lazy(() => load().then((component) => ({ default: component })));
  return function LazyPart(props: ComponentProps<C>) {
    return (
      <Suspense fallback={fallback}>
        <Part {...props} />
      </Suspense>
    );
  };
}
