/**
 * "Settlement (chart)": which settlement method a dilution chart draws. One control for the
 * deal calculator (physical / net share / cash) and the Issuer view's overhang (physical / net
 * share / each deal's own terms), each passing its methods and their words.
 */
import { Dropdown, Field, Option, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Fluent's Dropdown has a minimum width wider than half a task pane.
  control: { minWidth: 0, width: "100%" },
});

export function SettlementDropdown<Method extends string>({
  methods,
  labels,
  value,
  onChange,
}: {
  methods: readonly Method[];
  labels: Readonly<Record<Method, string>>;
  value: Method;
  onChange: (method: Method) => void;
}) {
  const styles = useStyles();
  return (
    <Field label="Settlement (chart)">
      <Dropdown
        className={styles.control}
        value={labels[value]}
        selectedOptions={[value]}
        onOptionSelect={(_, data) => {
          if (data.optionValue) onChange(data.optionValue as Method);
        }}
      >
        {methods.map((method) => (
          <Option key={method} value={method}>
            {labels[method]}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
