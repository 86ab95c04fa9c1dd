import { Screen } from '../../ui/Screen.tsx';

export default function BillsScreen() {
  return <Screen title="BillsScreen">{null}</Screen>;
}
