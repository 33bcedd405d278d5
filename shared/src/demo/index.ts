export { demoWorkshop } from './demoWorkshop';
