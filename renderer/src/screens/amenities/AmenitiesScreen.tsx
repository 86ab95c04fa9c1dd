import { Screen } from '../../ui/Screen.tsx';

export default function AmenitiesScreen() {
  return <Screen title="AmenitiesScreen">{null}</Screen>;
}
