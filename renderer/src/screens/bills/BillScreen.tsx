import { Screen } from '../../ui/Screen.tsx';

export default function BillScreen() {
  return <Screen title="BillScreen">{null}</Screen>;
}
