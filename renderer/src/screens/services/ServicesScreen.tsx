import { Screen } from '../../ui/Screen.tsx';

export default function ServicesScreen() {
  return <Screen title="ServicesScreen">{null}</Screen>;
}
