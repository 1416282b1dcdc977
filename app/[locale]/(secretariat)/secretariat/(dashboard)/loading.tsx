export { PageSkeleton as default } from "@/components/ui/loading-skeleton";
